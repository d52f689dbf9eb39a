/**
 * The apostrophe a Ukrainian word may be typed with: ' (U+0027), ʼ (U+02BC), ’ (U+2019), and the
 * look-alikes ‘ (U+2018) and ` (U+0060). The content uses ’ only (the content check refuses the
 * others between Cyrillic letters); search and comparisons fold every one of them to ’. A module of
 * its own, with no imports, so the search script can use it without the content tools.
 */
export const normaliseApostrophes = (s: string) => s.replace(/['\u02BC\u2018\u2019`]/g, '\u2019');
