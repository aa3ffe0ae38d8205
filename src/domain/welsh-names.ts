/**
 * The Welsh names of the 22 principal areas of Wales (the register's districts, ONS codes
 * W06…), where they differ from the English: "Casnewydd" is Newport, "Sir Fynwy" Monmouthshire.
 * A Welsh partnership's analyst may name an area in either language, on the command line, in the
 * dashboard or in a partner's file. Source: ONS, Local Authority Districts (December 2019) Names
 * and Codes in the United Kingdom, field LAD19NMW (the Welsh name), the same vintage as the
 * register's English names (docs/data-sources.md).
 */
export const WELSH_DISTRICT_NAMES: Readonly<Record<string, string>> = {
  W06000001: 'Ynys Môn',
  W06000004: 'Sir Ddinbych',
  W06000005: 'Sir y Fflint',
  W06000006: 'Wrecsam',
  W06000009: 'Sir Benfro',
  W06000010: 'Sir Gaerfyrddin',
  W06000011: 'Abertawe',
  W06000012: 'Castell-nedd Port Talbot',
  W06000013: 'Pen-y-bont ar Ogwr',
  W06000014: 'Bro Morgannwg',
  W06000015: 'Caerdydd',
  W06000018: 'Caerffili',
  W06000020: 'Tor-faen',
  W06000021: 'Sir Fynwy',
  W06000022: 'Casnewydd',
  W06000024: 'Merthyr Tudful',
};
