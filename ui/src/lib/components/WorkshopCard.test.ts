import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ipc, type WorkshopStatus, type WorkshopView } from '../ipc';
import { profile } from '../../test/fixtures';
import WorkshopCard from './WorkshopCard.svelte';

vi.mock('../ipc', async (importOriginal) => {
  const real = await importOriginal<typeof import('../ipc')>();
  return {
    ...real,
    ipc: { workshopStatus: vi.fn(), workshops: vi.fn(), enrol: vi.fn(), saveCertificate: vi.fn() },
  };
});

afterEach(() => vi.clearAllMocks());

const workshop = (): WorkshopView => ({
  id: '2018-viet-nam',
  economy_name: 'Viet Nam',
  economy: 'Viet Nam',
  year: 2018,
  locales: ['vi', 'en'],
  default_locale: 'vi',
  calendar: 'gregorian',
  details: { city: '', host: '', start_date: '', end_date: '' },
  details_disagreement: [],
  required_modules: [{ id: 'm1', title: 'Basics', locale: 'en' }],
  pass_mark: 70,
  assessment_required: true,
});

const status = (complete: boolean): WorkshopStatus => ({
  workshop: workshop(),
  modules: [
    {
      module: { id: 'm1', title: 'Basics', locale: 'en' },
      lessons_done: complete ? 3 : 2,
      lessons_total: 3,
      has_quiz: true,
      best_score: 90,
      met: complete,
    },
  ],
  assessment_done: true,
  complete,
  completed_on: complete ? '27 November 2026' : null,
  certificate: null,
});

describe('WorkshopCard', () => {
  it('offers the workshops to join when the learner has none', async () => {
    vi.mocked(ipc.workshopStatus).mockResolvedValue(null);
    vi.mocked(ipc.workshops).mockResolvedValue([workshop()]);
    vi.mocked(ipc.enrol).mockResolvedValue(status(false));
    render(WorkshopCard, { profile: profile({ locale: 'en' }), onerror: vi.fn() });
    await fireEvent.click(await screen.findByTestId('workshop-join'));
    expect(ipc.enrol).toHaveBeenCalledWith('p1', '2018-viet-nam');
    expect((await screen.findByTestId('workshop-name')).textContent).toContain('Viet Nam 2018');
  });

  it('keeps the certificate locked while something is missing, and says what', async () => {
    vi.mocked(ipc.workshopStatus).mockResolvedValue(status(false));
    vi.mocked(ipc.workshops).mockResolvedValue([workshop()]);
    render(WorkshopCard, { profile: profile({ locale: 'en' }), onerror: vi.fn() });
    const save = (await screen.findByTestId('certificate-save')) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    expect(screen.getByTestId('workshop-summary').textContent).toContain('still to do before the certificate is available: 1');
    expect(screen.getByTestId('workshop-requirements').textContent).toContain(
      '2 of 3 lessons read · best quiz score 90%, needs 70%',
    );
  });

  it('saves the certificate once everything is met', async () => {
    vi.mocked(ipc.workshopStatus).mockResolvedValue(status(true));
    vi.mocked(ipc.workshops).mockResolvedValue([workshop()]);
    vi.mocked(ipc.saveCertificate).mockResolvedValue({
      path: '/home/ana/SDR-VN18-ABCDE-FGHJK_Ana.pdf',
      certificate: { id: 'SDR-VN18-ABCDE-FGHJK', issued_at_ms: 0, file_name: 'SDR-VN18-ABCDE-FGHJK_Ana.pdf' },
    });
    render(WorkshopCard, { profile: profile({ locale: 'en' }), onerror: vi.fn() });
    const save = (await screen.findByTestId('certificate-save')) as HTMLButtonElement;
    expect(save.disabled).toBe(false);
    await fireEvent.click(save);
    expect(ipc.saveCertificate).toHaveBeenCalledWith('p1', 'Save the certificate');
    expect((await screen.findByTestId('certificate-saved')).textContent).toContain('SDR-VN18-ABCDE-FGHJK_Ana.pdf');
  });
});
