import type { ColumnType, Generated } from 'kysely'

// Column shapes every area's tables share. int8 and numeric are parsed to number and `date` stays a
// 'YYYY-MM-DD' string (see connect.ts). Not re-exported: they describe columns, not the domain.
export type Id = Generated<number>
export type CreatedAt = ColumnType<Date, Date | string | undefined, never>
export type Timestamp = ColumnType<Date, Date | string, Date | string>
export type Day = string
