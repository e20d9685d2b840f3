import { describe, expect, it } from 'vitest';
import { expandRedirect, nestFields } from './forms.js';

describe('nestFields', () => {
  it('builds lists of objects from dotted names, in index order, dropping blank rows', () => {
    expect(
      nestFields({
        name: 'Partner Wire',
        'rules.1.section': '',
        'rules.1.minPriority': null,
        'rules.1.keywords': '',
        'rules.0.section': 'Breaking',
        'rules.0.minPriority': 8,
        'rules.0.keywords': '',
        'rules.2.section': '',
        'rules.2.minPriority': null,
        'rules.2.keywords': 'tsunami',
      }),
    ).toEqual({
      name: 'Partner Wire',
      rules: [
        { section: 'Breaking', minPriority: 8, keywords: '' },
        { section: '', minPriority: null, keywords: 'tsunami' },
      ],
    });
  });

  it('gives an empty list when every row is blank, so removing the last rule clears the list', () => {
    expect(nestFields({ 'rules.0.section': '', 'rules.0.keywords': '' })).toEqual({ rules: [] });
  });
});

describe('expandRedirect', () => {
  it('fills placeholders from the reply, and refuses when one is missing', () => {
    expect(expandRedirect('/admin/stories/{articleId}', { articleId: 'wire-1 2' })).toBe('/admin/stories/wire-1%202');
    expect(expandRedirect('/admin/stories/{articleId}', {})).toBeNull();
  });
});
