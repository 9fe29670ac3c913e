/** LIKE patterns that match the user's text literally: `%`, `_` and `\` in it lose their wildcard meaning. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export const containsPattern = (text: string) => `%${escapeLike(text)}%`;
export const startsWithPattern = (text: string) => `${escapeLike(text)}%`;
