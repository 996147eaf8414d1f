/** One wake-up per interview deadline; the key is the dedupe key the scheduler uses. */
export const deadlineWakeUpKey = (interviewId: string) => `return-interview-due-${interviewId}`;

/** The kind of wake-up that re-checks an interview's escalation ladder. */
export const RETURN_INTERVIEW_WAKE_UP = 'return-interview';
