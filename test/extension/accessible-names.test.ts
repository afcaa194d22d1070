import { describe, expect, it } from 'vitest';

import { CATALOGS } from '../../extension/lib/i18n/catalogs';

describe('accessible names in every language', () => {
  // A button's name must contain its visible text (WCAG 2.5.3, axe's label-content-name-mismatch):
  // speech users say what they see. The longer name adds the notification's title after it.
  it.each(Object.entries(CATALOGS))(
    '%s: "mark as read" names start with the visible label',
    (_lang, catalog) => {
      expect(catalog['popup.markReadLabel']!.startsWith(catalog['popup.markRead']!)).toBe(true);
      expect(catalog['popup.markReadLabel']).toContain('{title}');
    },
  );
});
