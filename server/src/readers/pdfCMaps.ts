// The predefined CMaps of simplified Chinese (Adobe-GB1 character collection) in pdf.js's packed .bcmap form,
// embedded in the bundle (esbuild's binary loader) so the PDF reader never reads a file: a PDF whose CID font is
// encoded with GBK-EUC-H, UniGB-UCS2-H, GBK2K-H… names these CMaps, and a CID font with no ToUnicode map is read
// through Adobe-GB1-UCS2. Identity-H/V are built into pdf.js. Other scripts' CMaps (Japanese, Korean,
// traditional Chinese) are not shipped: reports are written in simplified Chinese, and each CMap adds to the .vsix.
// Source and licence: cmaps/README.md.

import Adobe_GB1_0 from './cmaps/Adobe-GB1-0.bcmap';
import Adobe_GB1_1 from './cmaps/Adobe-GB1-1.bcmap';
import Adobe_GB1_2 from './cmaps/Adobe-GB1-2.bcmap';
import Adobe_GB1_3 from './cmaps/Adobe-GB1-3.bcmap';
import Adobe_GB1_4 from './cmaps/Adobe-GB1-4.bcmap';
import Adobe_GB1_5 from './cmaps/Adobe-GB1-5.bcmap';
import Adobe_GB1_UCS2 from './cmaps/Adobe-GB1-UCS2.bcmap';
import GB_EUC_H from './cmaps/GB-EUC-H.bcmap';
import GB_EUC_V from './cmaps/GB-EUC-V.bcmap';
import GB_H from './cmaps/GB-H.bcmap';
import GB_V from './cmaps/GB-V.bcmap';
import GBK_EUC_H from './cmaps/GBK-EUC-H.bcmap';
import GBK_EUC_V from './cmaps/GBK-EUC-V.bcmap';
import GBK2K_H from './cmaps/GBK2K-H.bcmap';
import GBK2K_V from './cmaps/GBK2K-V.bcmap';
import GBKp_EUC_H from './cmaps/GBKp-EUC-H.bcmap';
import GBKp_EUC_V from './cmaps/GBKp-EUC-V.bcmap';
import GBT_EUC_H from './cmaps/GBT-EUC-H.bcmap';
import GBT_EUC_V from './cmaps/GBT-EUC-V.bcmap';
import GBT_H from './cmaps/GBT-H.bcmap';
import GBT_V from './cmaps/GBT-V.bcmap';
import GBTpc_EUC_H from './cmaps/GBTpc-EUC-H.bcmap';
import GBTpc_EUC_V from './cmaps/GBTpc-EUC-V.bcmap';
import GBpc_EUC_H from './cmaps/GBpc-EUC-H.bcmap';
import GBpc_EUC_V from './cmaps/GBpc-EUC-V.bcmap';
import UniGB_UCS2_H from './cmaps/UniGB-UCS2-H.bcmap';
import UniGB_UCS2_V from './cmaps/UniGB-UCS2-V.bcmap';
import UniGB_UTF16_H from './cmaps/UniGB-UTF16-H.bcmap';
import UniGB_UTF16_V from './cmaps/UniGB-UTF16-V.bcmap';
import UniGB_UTF32_H from './cmaps/UniGB-UTF32-H.bcmap';
import UniGB_UTF32_V from './cmaps/UniGB-UTF32-V.bcmap';
import UniGB_UTF8_H from './cmaps/UniGB-UTF8-H.bcmap';
import UniGB_UTF8_V from './cmaps/UniGB-UTF8-V.bcmap';

/** CMap name → packed CMap data (pdf.js's .bcmap format, read with `isCompressed: true`). */
export const CHINESE_CMAPS: ReadonlyMap<string, Uint8Array> = new Map([
  ['Adobe-GB1-0', Adobe_GB1_0],
  ['Adobe-GB1-1', Adobe_GB1_1],
  ['Adobe-GB1-2', Adobe_GB1_2],
  ['Adobe-GB1-3', Adobe_GB1_3],
  ['Adobe-GB1-4', Adobe_GB1_4],
  ['Adobe-GB1-5', Adobe_GB1_5],
  ['Adobe-GB1-UCS2', Adobe_GB1_UCS2],
  ['GB-EUC-H', GB_EUC_H],
  ['GB-EUC-V', GB_EUC_V],
  ['GB-H', GB_H],
  ['GB-V', GB_V],
  ['GBK-EUC-H', GBK_EUC_H],
  ['GBK-EUC-V', GBK_EUC_V],
  ['GBK2K-H', GBK2K_H],
  ['GBK2K-V', GBK2K_V],
  ['GBKp-EUC-H', GBKp_EUC_H],
  ['GBKp-EUC-V', GBKp_EUC_V],
  ['GBT-EUC-H', GBT_EUC_H],
  ['GBT-EUC-V', GBT_EUC_V],
  ['GBT-H', GBT_H],
  ['GBT-V', GBT_V],
  ['GBTpc-EUC-H', GBTpc_EUC_H],
  ['GBTpc-EUC-V', GBTpc_EUC_V],
  ['GBpc-EUC-H', GBpc_EUC_H],
  ['GBpc-EUC-V', GBpc_EUC_V],
  ['UniGB-UCS2-H', UniGB_UCS2_H],
  ['UniGB-UCS2-V', UniGB_UCS2_V],
  ['UniGB-UTF16-H', UniGB_UTF16_H],
  ['UniGB-UTF16-V', UniGB_UTF16_V],
  ['UniGB-UTF32-H', UniGB_UTF32_H],
  ['UniGB-UTF32-V', UniGB_UTF32_V],
  ['UniGB-UTF8-H', UniGB_UTF8_H],
  ['UniGB-UTF8-V', UniGB_UTF8_V],
]);
