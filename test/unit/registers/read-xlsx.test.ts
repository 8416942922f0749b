import { describe, expect, it } from 'vitest';
import { readRegisterFile } from '../../../electron/core/registers';
import { realWorldWorkbook } from '../../fixtures/registers/workbooks';

describe('readRegisterFile on a real-world processor workbook', () => {
  it('finds the header under a title and merged group titles, reads the rows with their sheet row numbers', async () => {
    const parsed = await readRegisterFile(await realWorldWorkbook(), 'AVV-Liste.xlsx');
    expect(parsed.errors).toEqual([]);
    expect(parsed.activities).toEqual([]);
    expect(parsed.processors.map((p) => [p.sheet, p.row])).toEqual([
      ['AV-Verzeichnis', 5],
      ['AV-Verzeichnis', 8],
      ['AV-Verzeichnis', 10],
    ]);
    const [hetzner, mailgun, aws] = parsed.processors.map((p) => p.input);
    expect(hetzner).toEqual({
      name: 'Hetzner Online GmbH',
      service: 'Hosting',
      role: 'processor',
      country: 'DE',
      dpaSignedOn: '2024-03-15',
      dpaDocument: null,
      transferBasis: null,
      subProcessors: [],
      nextReviewOn: '2026-12-31',
      notes: 'Rechenzentrum Falkenstein',
    });
    expect(mailgun).toMatchObject({
      country: 'US',
      dpaSignedOn: '2025-01-31',
      transferBasis: 'dpf',
      subProcessors: ['Amazon Web Services', 'Google Cloud', 'Cloudflare'],
      nextReviewOn: '2026-06-30',
      // Kept as the text it is, never evaluated.
      notes: '=HYPERLINK("http://evil.example","klick")',
    });
    expect(aws).toMatchObject({ name: 'Amazon Web Services EMEA SARL', service: '', role: 'sub-processor', country: 'LU', transferBasis: 'none', notes: 'AVV im Portal' });
  });

  it('names the columns present as the file writes them', async () => {
    const parsed = await readRegisterFile(await realWorldWorkbook(), 'AVV-Liste.xlsx');
    expect(parsed.processors[0]!.columns).toMatchObject({ name: 'Name*', dpaSignedOn: 'AVV unterzeichnet am', notes: 'Bemerkungen' });
  });
});
