// STUB (issue 5): the tracking helper replaces this file.
/** How a page embeds Mautic tracking, and whether a consent manager gates it. */
export interface TrackingEmbed {
  loadsMautic: boolean;
}

export function detectTrackingEmbed(_html: string, _pageUrl: string): TrackingEmbed {
  return { loadsMautic: false };
}
