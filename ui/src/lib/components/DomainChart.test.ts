import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import DomainChart from './DomainChart.svelte';

describe('DomainChart', () => {
  it('draws each level, writes it out, and marks the change since last time', () => {
    render(DomainChart, {
      domains: [
        { id: 'accounts', title: 'Accounts', locale: 'en', level: 2, previous_level: 0 },
        { id: 'backup', title: 'Backup', locale: 'en', level: 1, previous_level: 3 },
        { id: 'network', title: 'Network', locale: 'en', level: 0, previous_level: null },
      ],
    });
    const rows = screen.getAllByTestId('domain-result');
    expect(rows.map((r) => r.dataset.level)).toEqual(['2', '1', '0']);
    expect(rows[0]?.textContent).toContain('Level 2 of 3');
    const changes = screen.getAllByTestId('domain-change');
    expect(changes.map((c) => c.dataset.change)).toEqual(['2', '-2']);
    expect(changes[0]?.textContent).toContain('Up');
    expect(changes[1]?.textContent).toContain('Down');
    // The fill is proportional to the level; level 0 draws no fill.
    expect(rows[0]?.querySelector('.bar-fill')?.getAttribute('width')).toBe('200');
    expect(rows[2]?.querySelector('.bar-fill')).toBeNull();
    expect(rows[0]?.querySelector('.bar-previous')).not.toBeNull();
  });
});
