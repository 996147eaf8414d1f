/** One wake-up per interview deadline; the key is the dedupe key the scheduler uses. */
export const deadlineWakeUpKey = (interviewId: string) => `return-interview-due-${interviewId}`;
