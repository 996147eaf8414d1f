// Drafts of forms kept in this browser's localStorage, keyed by form and record, so that a reload
// or a failed submit never loses what the practitioner typed. Cleared once the API accepts it.

const PREFIX = 'homeward.draft.';

export function loadDraft<T>(key: string): T | null {
  try {
    const text = localStorage.getItem(PREFIX + key);
    return text ? (JSON.parse(text) as T) : null;
  } catch {
    return null;
  }
}

export function saveDraft<T>(key: string, value: T): void {
  try {
    localStorage.setItem(PREFIX + key, JSON.stringify(value));
  } catch {
    // Storage full or refused: the form still works, only without a draft.
  }
}

export function clearDraft(key: string): void {
  try {
    localStorage.removeItem(PREFIX + key);
  } catch {
    // Nothing to clear.
  }
}

/** The key of an interview's record draft. */
export const interviewDraftKey = (interviewId: string): string => `interview.${interviewId}`;

/**
 * Forgets every draft in this browser: on signing out, so a child's account does not stay on a
 * shared computer. (An expired sign-in keeps them: the worker signs in again and carries on.)
 */
export function clearAllDrafts(): void {
  try {
    for (const key of Object.keys(localStorage)) {
      if (key.startsWith(PREFIX)) localStorage.removeItem(key);
    }
  } catch {
    // Nothing to clear.
  }
}
