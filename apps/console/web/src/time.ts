// Countdowns to an interview's 72-hour deadline, in words (never colour alone).
import { useEffect, useState } from 'preact/hooks';

export const DAY_MS = 24 * 60 * 60 * 1000;

/** The current time, refreshed every `everyMs`. */
export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
  return now;
}

export type Urgency = 'overdue' | 'soon' | 'later';

export interface Countdown {
  urgency: Urgency;
  /** e.g. "5 h 03 min left", "Overdue by 2 h 10 min". */
  text: string;
  /** The marker shown beside it: "Overdue", "Due within 24 h", or empty. */
  label: string;
}

function span(ms: number): string {
  const minutes = Math.floor(ms / 60000);
  const days = Math.floor(minutes / (24 * 60));
  const hours = Math.floor((minutes % (24 * 60)) / 60);
  const mins = minutes % 60;
  const hm = `${hours} h ${String(mins).padStart(2, '0')} min`;
  return days > 0 ? `${days} d ${hm}` : hm;
}

export function countdown(dueAt: string, now: number, breached = false): Countdown {
  const left = new Date(dueAt).getTime() - now;
  if (breached || left <= 0) {
    return {
      urgency: 'overdue',
      text: left <= 0 ? `Overdue by ${span(-left)}` : 'Deadline missed',
      label: 'Overdue',
    };
  }
  if (left <= DAY_MS)
    return { urgency: 'soon', text: `${span(left)} left`, label: 'Due within 24 h' };
  return { urgency: 'later', text: `${span(left)} left`, label: '' };
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

export const shortId = (id: string): string => id.slice(0, 8);
