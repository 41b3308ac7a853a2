import { createSignal } from 'solid-js';

/** Connection events the agent must act on (reload, close another tab), shown as a banner over every screen. */
export type DbNotice = 'versionChange' | 'blocked' | 'terminated';

const [dbNotice, setDbNotice] = createSignal<DbNotice>();
export { dbNotice, setDbNotice };
