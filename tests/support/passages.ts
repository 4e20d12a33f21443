/** A saved passage for tests, with any field overridden. */
import type { Passage } from '../../lib/passages/schema';

export function passage(overrides: Partial<Passage> = {}): Passage {
  return {
    id: 'p1',
    text: 'Tajikistan President Emomali Rahmon spoke with his Russian counterpart.',
    quote: {
      type: 'TextQuoteSelector',
      exact: 'Tajikistan President Emomali Rahmon spoke with his Russian counterpart.',
      prefix: 'people, ',
      suffix: ' Such',
    },
    position: { type: 'TextPositionSelector', start: 10, end: 82 },
    url: 'https://news.example/tajikistan',
    title: 'Tajikistan and the Moscow terror attack fallout',
    entries: ['pack/emomali-rahmon'],
    site: 'news.example',
    savedAt: Date.UTC(2026, 10, 25, 12, 0),
    note: 'Check the date of the call.',
    tags: ['tajikistan', 'diplomacy'],
    link: 'https://news.example/tajikistan#:~:text=Tajikistan%20President',
    ...overrides,
  };
}
