import { z } from 'zod';
import { isCalendarDate } from './dates';

/** A calendar day in the contract: YYYY-MM-DD, a day that exists. */
export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD').refine(isCalendarDate, 'a real calendar date');
