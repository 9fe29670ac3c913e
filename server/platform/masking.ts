/** 230102199001011234 → 2301**********1234 */
export function maskIdNumber(value: string): string {
  if (value.length <= 8) return "*".repeat(value.length);
  return `${value.slice(0, 4)}${"*".repeat(value.length - 8)}${value.slice(-4)}`;
}

/** z***@example.com */
export function maskEmail(value: string): string {
  const [name = "", domain = ""] = value.split("@");
  return `${name.slice(0, 1)}***@${domain}`;
}

/** 13812345678 → 138****5678 */
export function maskPhone(value: string): string {
  if (value.length < 7) return "*".repeat(value.length);
  return `${value.slice(0, 3)}${"*".repeat(value.length - 7)}${value.slice(-4)}`;
}

/** 张明 → 张*, 欧阳明华 → 欧*** */
export function maskName(value: string): string {
  const chars = [...value];
  return chars.length <= 1 ? "*" : `${chars[0]}${"*".repeat(chars.length - 1)}`;
}

const ID_NUMBER_IN_TEXT =
  /(?<![0-9])([1-9][0-9]{5})(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}([0-9Xx])(?![0-9])/g;
const PHONE_IN_TEXT = /(?<![0-9])(1[3-9][0-9])[0-9]{4}([0-9]{4})(?![0-9])/g;

/** Whether free text holds an ID or mobile number (a value typed into a text field, a note). */
export function containsPersonalData(text: string): boolean {
  return text.search(ID_NUMBER_IN_TEXT) >= 0 || text.search(PHONE_IN_TEXT) >= 0;
}

/** Masks every ID or mobile number found in free text: the last line of defence for logs. */
export function maskPersonalDataInText(text: string): string {
  return text
    .replace(ID_NUMBER_IN_TEXT, (whole) => maskIdNumber(whole))
    .replace(PHONE_IN_TEXT, (whole) => maskPhone(whole));
}
