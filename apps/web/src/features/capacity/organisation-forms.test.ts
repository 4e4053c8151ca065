import { expect, test } from 'vitest'
import {
  emptyNewPerson,
  newPersonFieldOf,
  newPersonProblems,
  parseCostRate,
  toNewPerson,
} from './new-person-form.ts'
import { slugOf, teamProblems } from './team-form.ts'

test('a cost rate is pounds an hour to whole pence', () => {
  expect(parseCostRate('62.5')).toBe(6250)
  expect(parseCostRate(' £62.50 ')).toBe(6250)
  expect(parseCostRate('0')).toBe(0)
  for (const bad of ['', '12.345', '-3', '1,000', 'ten']) expect(parseCostRate(bad)).toBeNull()
})

test('a new person left empty is refused for name, team and role; defaults are full time', () => {
  const form = emptyNewPerson('2026-12-02')
  expect(Object.keys(newPersonProblems(form))).toEqual(['name', 'teamId', 'role'])
  const filled = { ...form, name: ' Sam ', teamId: '5', role: 'Analyst', email: ' ' }
  expect(newPersonProblems(filled)).toEqual({})
  expect(toNewPerson(filled)).toEqual({
    name: 'Sam',
    email: null,
    teamId: 5,
    role: 'Analyst',
    skills: [],
    contractedHoursPerWeek: 37.5,
    workingDays: [1, 2, 3, 4, 5],
    costRatePencePerHour: 0,
    startDate: '2026-12-02',
    bankHolidayRegion: null,
  })
})

test('the API’s details are placed by their first key', () => {
  expect(newPersonFieldOf('workingDays.2')).toBe('days')
  expect(newPersonFieldOf('skills.0')).toBe('skills')
  expect(newPersonFieldOf('costRatePencePerHour')).toBe('costRate')
  expect(newPersonFieldOf('endDate')).toBeNull()
})

test('a team’s slug is suggested from its name', () => {
  expect(slugOf('Service Desk & Apps')).toBe('service-desk-apps')
  expect(slugOf('  Équipe réseau ')).toBe('equipe-reseau')
  expect(slugOf(`${'a'.repeat(59)} b`)).toBe('a'.repeat(59))
  expect(teamProblems({ name: 'Data', slug: '-data' }).slug).toMatch(/^Lowercase/)
})
