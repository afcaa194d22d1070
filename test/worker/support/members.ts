// The members whose read state the tests use.

/** The member of most tests (test/worker/members.test.ts uses several). */
export const MEMBER = 'anna';
