// Words the people screens share: a person's role as the chair reads it, and when to ask for a check.
import type { PersonSummary } from '../../../shared/people';

export const ROLE_LABEL: Record<PersonSummary['role'], string> = {
  subject: 'Subject', family: 'Family', associate: 'Associate', professional: 'Professional', unknown: 'Not known',
};

/** Below this, the chair is asked to check that the spellings are one person. */
export const UNSURE = 0.8;
