/** Specs the LSP tests share: a Simplified and a Traditional one. */
export const ZH_HANS = '# 青石街道智慧街区方案\n\n## 建设目标\n\n平台采用最先进的技术。\n\n建设全国首个数字孪生平台。\n\n## 办事渠道\n\n居民只能通过APP办理居住证明。\n';
export const ZH_HANT = '# 新港市智慧城市計畫\n\n## 計畫目標\n\n打造全台最先進的智慧城市。\n';
