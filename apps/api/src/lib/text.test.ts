import { describe, expect, it } from 'vitest'
import { name, nameProblem, text, textProblem } from './text.ts'

describe('textProblem', () => {
  it('refuses what PostgreSQL cannot store', () => {
    expect(textProblem('a\u0000b')).toMatch(/NUL/)
    expect(textProblem('a\ud83db')).toMatch(/lone UTF-16 surrogate/)
    expect(textProblem('\ude00')).toMatch(/lone UTF-16 surrogate/)
    // The same two halves, in order, are one emoji.
    expect(textProblem('\ud83d\ude00')).toBeNull()
  })

  it('keeps any other text, line breaks and bidi marks included', () => {
    for (const s of ['', 'plain', 'two\nlines\tand a tab', 'Zoë 王 אבי', 'a\u202Eb']) {
      expect(textProblem(s)).toBeNull()
    }
  })
})

describe('nameProblem', () => {
  it('refuses controls and the bidi embeddings, overrides and isolates', () => {
    for (const c of ['\n', '\r', '\t', '\u001b', '\u007f', '\u0085']) {
      expect(nameProblem(`a${c}b`)).toMatch(/one line/)
    }
    for (let cp = 0x202a; cp <= 0x202e; cp++) {
      expect(nameProblem(`a${String.fromCodePoint(cp)}b`)).toMatch(/bidirectional/)
    }
    for (let cp = 0x2066; cp <= 0x2069; cp++) {
      expect(nameProblem(`a${String.fromCodePoint(cp)}b`)).toMatch(/bidirectional/)
    }
    expect(nameProblem('a\u0000')).toMatch(/NUL/)
  })

  it('refuses invisible format characters and the Unicode line separators', () => {
    for (const c of [
      '\u200b',
      '\u200e',
      '\u200f',
      '\u061c',
      '\u00ad',
      '\ufeff',
      '\u2028',
      '\u2029',
    ]) {
      expect(nameProblem(`a${c}b`)).toMatch(/invisible/)
    }
  })

  it('keeps names in any script', () => {
    for (const s of ['Zoë Ó Briain', '王小明', 'אבי כהן', 'محمد', '👩🏽‍💻 on call', 'می\u200cخواهم']) {
      expect(nameProblem(s)).toBeNull()
    }
  })
})

describe('the schemas', () => {
  it('name() trims, then refuses an empty, long or unsafe name with one message each', () => {
    expect(name(10).parse('  Ann \n')).toBe('Ann')
    expect(name(10).safeParse('   ').error?.issues).toHaveLength(1)
    expect(name(3).safeParse('Anna').error?.issues).toHaveLength(1)
    expect(name(10).safeParse('A\u202Enna').error?.issues).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/bidirectional/) }),
    ])
  })

  it('text() keeps what the schema after it allows', () => {
    expect(text().max(5).parse('a\nb')).toBe('a\nb')
    expect(text().safeParse('\u0000').success).toBe(false)
  })

  it('name() says in words what is wrong with an empty or long name', () => {
    expect(name(5).safeParse('   ').error?.issues[0]?.message).toBe('must not be empty')
    expect(name(5).safeParse('abcdef').error?.issues[0]?.message).toBe(
      'must be at most 5 characters',
    )
  })
})
