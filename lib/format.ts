const dateTime = new Intl.DateTimeFormat('en-IN', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});

/** Server-rendered times are shown in UTC, labelled, so server and browser agree. */
export const formatDateTime = (date: Date) => `${dateTime.format(date)} UTC`;
