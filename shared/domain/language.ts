/** The console's languages: the interface's, and so the language of every file it exports. */
export const LANGUAGES = ['zh-CN', 'en-US'] as const;
export type Language = (typeof LANGUAGES)[number];
