/** Who changes an app's keys, for the audit log. */
export type KeyChangeActor = { appId: string; merchantId: string; ip: string | null };
