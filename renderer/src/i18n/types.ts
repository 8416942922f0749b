/** Every text the UI shows, one key per text. de.ts and en.ts must both fill every key. */
export interface Messages {
  productName: string;
  subtitle: string;
}
