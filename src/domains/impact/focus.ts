/** The area an impact page looks at: the nation (`all`) or one region's code. */
export type Focus = 'all' | string;
