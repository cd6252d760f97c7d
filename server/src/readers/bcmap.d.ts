// The packed CMap files pdfCMaps.ts embeds: esbuild's `binary` loader (scripts/build.mjs) makes each a Uint8Array.
declare module '*.bcmap' {
  const data: Uint8Array;
  export default data;
}
