/**
 * A LIKE/ILIKE pattern matching `q` anywhere in the text, with `%`, `_` and `\` in `q` taken
 * literally (escaped with PostgreSQL's default escape character, the backslash).
 */
export const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
