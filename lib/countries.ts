import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';

countries.registerLocale(en);

export type Country = { code: string; name: string };

/** ISO 3166-1 alpha-2 countries with English names, sorted by name. */
export const COUNTRIES: Country[] = Object.entries(countries.getNames('en', { select: 'official' }))
  .map(([code, name]) => ({ code, name }))
  .sort((a, b) => a.name.localeCompare(b.name));

const byCode = new Map(COUNTRIES.map((c) => [c.code, c.name]));

export const isCountryCode = (code: string) => byCode.has(code);
export const countryName = (code: string) => byCode.get(code) ?? code;
