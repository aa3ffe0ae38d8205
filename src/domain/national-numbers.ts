/**
 * The national police numbers (999 and 112 in an emergency, 101 otherwise): facts, not details a
 * partnership must check against a service's page. A contact still marked unchecked is never
 * marked so beside them: only its other details (a text relay number, a web page) are.
 */
const NATIONAL = new Set(['999', '112', '101']);

export function isNationalNumber(phone: string | null | undefined): boolean {
  return phone !== null && phone !== undefined && NATIONAL.has(phone.replace(/\s/gu, ''));
}
