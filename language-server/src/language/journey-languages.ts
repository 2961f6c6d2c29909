/** The languages a map may be written for (`lang fr`): the views have their words in each (see views/view-words.ts). */

/** The codes `lang` accepts, English first (the default). */
export const LANGUAGES = ['en', 'fr'] as const;

/** One of the languages the views speak. */
export type LanguageCode = (typeof LANGUAGES)[number];

/** Each language's name, as people pick it (quick fixes, completion). */
export const LANGUAGE_NAMES: Readonly<Record<LanguageCode, string>> = { en: 'English', fr: 'French' };

/** The language a `lang` code names (`fr`, `FR`, `fr-CA` → `fr`), or undefined when it is none of `LANGUAGES`. */
export function languageOf(code: string | undefined): LanguageCode | undefined {
    const primary = code?.toLowerCase().split(/[-_]/)[0];
    return LANGUAGES.find((language) => language === primary);
}
