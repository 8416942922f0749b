import { useEffect, useState } from 'react';
import type { ScreenshotView } from '../../../../electron/shared/contract';
import { ErrorBox } from '../../components/ErrorBox';
import { useI18n } from '../../i18n/context';
import { useChannel } from '../../state/useChannel';

/** The PNG bytes as a blob: URL (the only image source the app's CSP allows besides its own files), revoked after use. */
function useBlobUrl(shot: ScreenshotView | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!shot) return;
    const bytes = Uint8Array.from(atob(shot.pngBase64), (c) => c.charCodeAt(0));
    const made = URL.createObjectURL(new Blob([bytes], { type: 'image/png' }));
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [shot]);
  return url;
}

/** A visit's screenshot, fetched when first shown, at the width of the matrix (the top of a long page first). */
export function ScreenshotFigure({ sha256, state }: { sha256: string; state: string }) {
  const { t } = useI18n();
  const m = t.consent;
  const { data: shot, error } = useChannel('evidence:screenshot', { sha256 }, sha256);
  const url = useBlobUrl(shot);
  if (error) return <ErrorBox error={error} bare />;
  if (!url || !shot) return <p className="muted">{m.loadingScreenshot}</p>;
  return (
    <figure className="consent-screenshot">
      <img src={url} alt={m.screenshotAlt(state)} width={shot.width} height={shot.height} />
      <figcaption className="muted small">{m.screenshotSize(shot.width, shot.height)}</figcaption>
    </figure>
  );
}
