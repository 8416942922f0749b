import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../electron/core/probes/document-text';
import { detectLanguage, extractVisibleText, MAX_TEXT_CHARS, plainText } from '../../../electron/core/probes/page-text';

describe('extractVisibleText', () => {
  it('keeps only what a visitor reads from hostile HTML, one line per block', () => {
    const html = `<!doctype html><html lang="DE-de"><head><title>Titel Mautic</title>
      <script>document.write("<p>Aufsichtsbehörde</p>"); var s = "</p><p>Speicherdauer";</script>
      <style>p::after { content: "Widerruf" }</style></head>
      <body onload="alert('x')"><h1>Daten&shy;schutz &amp; Cookies</h1>
      <!-- <p>Mautic mtc_id</p> -->
      <noscript><p>Bitte JavaScript aktivieren (Datenschutzbeauftragter)</p></noscript>
      <template><p>Empfänger</p></template>
      <svg><title>Drittland</title><text>USA</text><path d="M0 0"/></svg>
      <iframe src="https://x.example/"><p>Beschwerde</p></iframe>
      <p title="Rechtsgrundlage">Wir <b>verarbeiten</b> Ihre
         <a href="/x">Daten</a>.<br>Zweite   Zeile</p><div>Block<span> inline</span></div><ul><li>eins</li><li>zwei</li></ul>
      <script type="application/ld+json">{"name": "Löschfrist"}</script>
      <p>Ende</body></html>`;
    const page = extractVisibleText(html);
    expect(page.text).toBe(['Daten\u00adschutz & Cookies', 'Wir verarbeiten Ihre Daten.', 'Zweite Zeile', 'Block inline', 'eins', 'zwei', 'Ende'].join('\n'));
    expect(page.htmlLang).toBe('de-de');
    expect(page.truncated).toBe(false);
    for (const hidden of ['Mautic', 'Aufsichtsbehörde', 'Speicherdauer', 'Widerruf', 'Datenschutzbeauftragter', 'Empfänger', 'Drittland', 'USA', 'Beschwerde', 'Rechtsgrundlage', 'Löschfrist', 'Titel']) {
      expect(page.text, hidden).not.toContain(hidden);
    }
  });

  it('survives unclosed and stray tags without losing the rest of the page', () => {
    const page = extractVisibleText('<head><meta charset="utf-8"><p>Erster Absatz<div>Zweiter</p></div></span><p>Dritter');
    expect(page.text).toBe('Erster Absatz\nZweiter\nDritter');
  });

  it('caps a huge page at the text limit and says so', () => {
    const html = `<html><body>${'<p>Wir verarbeiten personenbezogene Daten nach Art. 6 Abs. 1 lit. a DSGVO.</p>'.repeat(40_000)}</body></html>`;
    expect(html.length).toBeGreaterThan(2_000_000);
    const page = extractVisibleText(html);
    expect(page.truncated).toBe(true);
    expect(page.text.length).toBeLessThanOrEqual(MAX_TEXT_CHARS);
    expect(page.text.length).toBeGreaterThan(MAX_TEXT_CHARS - 100);
  });

  it('caps one endless text node without block elements', () => {
    const page = extractVisibleText(`<p>${'Datenschutz '.repeat(100_000)}</p>`, 5000);
    expect(page.truncated).toBe(true);
    expect(page.text.length).toBe(5000);
  });
});

describe('plainText', () => {
  it('collapses whitespace per line and drops empty lines', () => {
    expect(plainText('Datenschutz\r\n\r\n  Wir   speichern\tDaten.  \n')).toEqual({ text: 'Datenschutz\nWir speichern Daten.', truncated: false, htmlLang: null });
  });

  it('caps long text', () => {
    const page = plainText('a'.repeat(100), 10);
    expect(page).toMatchObject({ text: 'a'.repeat(10), truncated: true });
  });
});

describe('decodeText', () => {
  const latin1 = Buffer.from('<p>Datenschutzerklärung – Löschung</p>', 'latin1');

  it('follows the charset of the Content-Type header', () => {
    expect(decodeText(latin1, 'text/html; charset=ISO-8859-1')).toContain('Datenschutzerklärung');
  });

  it('falls back to a <meta charset> in the page', () => {
    const body = Buffer.concat([Buffer.from('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head>'), latin1]);
    expect(decodeText(body, 'text/html')).toContain('Löschung');
  });

  it('reads UTF-8 when nothing or something unknown is declared', () => {
    const utf8 = Buffer.from('<p>Löschung</p>', 'utf8');
    expect(decodeText(utf8, null)).toBe('<p>Löschung</p>');
    expect(decodeText(utf8, 'text/html; charset=x-no-such-charset')).toBe('<p>Löschung</p>');
  });
});

describe('detectLanguage', () => {
  it('tells German from English by common words', () => {
    expect(detectLanguage('Wir verarbeiten Ihre personenbezogenen Daten nur, sofern Sie eingewilligt haben und die Verarbeitung erforderlich ist.')).toBe('de');
    expect(detectLanguage('We process your personal data only where you have given consent and the processing is necessary for this purpose.')).toBe('en');
  });

  it('lets the <html lang> decide when the words do not', () => {
    expect(detectLanguage('Mautic mtc_id', 'de-AT')).toBe('de');
    expect(detectLanguage('Mautic mtc_id', 'en')).toBe('en');
    expect(detectLanguage('Mautic mtc_id', 'fr')).toBeNull();
    expect(detectLanguage('Mautic mtc_id')).toBeNull();
  });
});
