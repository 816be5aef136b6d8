/** Documents shared by the pull-request tests. */
export const ZH = '# 智慧城市方案\n\n## 平台\n\n平台采用最先进的技术。\n\n市民必须通过APP预约。\n';

/** Findings in two sections, one silenced by a directive with a reason. */
export const ZH_SUPPRESSED = `${ZH}\n## 宣传\n\n<!-- needfirst-disable-next-line concept-race -- 试点验收后再改 -->\n打造全国首个智慧社区。\n`;

export const EN = '# City services plan\n\n## Platform\n\nWe will build a state-of-the-art platform.\n\nResidents must apply online.\n';

export const TW = '# 智慧城市計畫\n\n## 平台\n\n平台採用最先進的技術。\n';
