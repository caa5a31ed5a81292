import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ipc, type VerifyReport } from '../ipc';
import VerifyScreen from './VerifyScreen.svelte';

vi.mock('../ipc', async (importOriginal) => {
  const real = await importOriginal<typeof import('../ipc')>();
  return {
    ...real,
    ipc: {
      verifyText: vi.fn(),
      verifyFile: vi.fn(),
      issuerKey: vi.fn(),
      trustedIssuers: vi.fn(),
      importIssuer: vi.fn(),
      exportIssuerKey: vi.fn(),
      readIssuerKeyFile: vi.fn(),
    },
  };
});

afterEach(() => vi.clearAllMocks());

const report = (verdict: VerifyReport['verdict']): VerifyReport => ({
  verdict,
  claims: {
    id: 'SDR-TH18-ABCDE-FGHJK',
    name: 'สมชาย ใจดี',
    workshop: '2018-thailand',
    date: '2026-11-27',
    score: 89,
    issuer: '3f2a9c0177be4d10',
  },
  issuer_label: null,
  issuer_is_self: true,
  economy_name: 'Thailand',
  completed_on: '27 November 2026 (B.E. 2569)',
  issuer_fingerprint: '3f2a 9c01 77be 4d10',
});

function setup() {
  const onerror = vi.fn();
  vi.mocked(ipc.issuerKey).mockResolvedValue({ fingerprint: '3f2a 9c01 77be 4d10', public_key: 'SDRKEY1.abc' });
  vi.mocked(ipc.trustedIssuers).mockResolvedValue([]);
  render(VerifyScreen, { onback: vi.fn(), onerror });
  return onerror;
}

describe('VerifyScreen', () => {
  it('shows a valid certificate with its signed details and what to compare', async () => {
    const onerror = setup();
    vi.mocked(ipc.verifyText).mockResolvedValue(report('valid'));
    await fireEvent.input(screen.getByTestId('verify-text'), { target: { value: 'SDR1.x.y' } });
    await fireEvent.click(screen.getByTestId('verify-check'));
    expect(ipc.verifyText).toHaveBeenCalledWith('SDR1.x.y', 'en');
    const verdict = await screen.findByTestId('verify-verdict');
    expect(verdict.dataset.verdict).toBe('valid');
    expect(verdict.textContent).toContain('Valid');
    expect(verdict.textContent).toContain('27 November 2026 (B.E. 2569)');
    expect(verdict.textContent).toContain('3f2a 9c01 77be 4d10 (this computer)');
    expect(verdict.textContent).toContain('Only these signed details are proven');
    expect(onerror).not.toHaveBeenCalled();
  });

  it('warns that the details of a changed certificate cannot be trusted', async () => {
    setup();
    vi.mocked(ipc.verifyText).mockResolvedValue(report('tampered'));
    await fireEvent.input(screen.getByTestId('verify-text'), { target: { value: 'SDR1.x.z' } });
    await fireEvent.click(screen.getByTestId('verify-check'));
    const verdict = await screen.findByTestId('verify-verdict');
    expect(verdict.textContent).toContain('changed after it was issued');
    expect(verdict.textContent).toContain('cannot be trusted');
  });
});
