import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../i18n/index.svelte';
import { IpcError, ipc } from '../ipc';
import { profile, start } from '../../test/fixtures';
import ProfilePicker from './ProfilePicker.svelte';

vi.mock('../ipc', async (importOriginal) => {
  const real = await importOriginal<typeof import('../ipc')>();
  return {
    ...real,
    ipc: { createProfile: vi.fn(), selectProfile: vi.fn() },
  };
});

afterEach(() => {
  vi.clearAllMocks();
  i18n.locale = 'en';
});

describe('ProfilePicker', () => {
  it('lists the last used profile first', () => {
    const a = profile({ id: 'a', display_name: 'Ana Reyes', locale: 'fil' });
    const b = profile({ id: 'b', display_name: 'สมชาย ใจดี', locale: 'th' });
    render(ProfilePicker, { start: start({ profiles: [a, b], last_profile_id: 'b' }), onenter: vi.fn(), ontrainer: vi.fn(), onverify: vi.fn(), onexchange: vi.fn() });
    const names = screen.getAllByTestId('profile-name').map((e) => e.textContent);
    expect(names).toEqual(['สมชาย ใจดี', 'Ana Reyes']);
  });

  it('refuses an empty name without calling the backend', async () => {
    render(ProfilePicker, { start: start(), onenter: vi.fn(), ontrainer: vi.fn(), onverify: vi.fn(), onexchange: vi.fn() });
    await fireEvent.click(screen.getByTestId('create-profile'));
    expect(screen.getByRole('alert').textContent).toContain('Please enter a name');
    expect(ipc.createProfile).not.toHaveBeenCalled();
  });

  it('creates a profile in the chosen language and enters it', async () => {
    const created = profile({ display_name: 'Trần Văn An' });
    vi.mocked(ipc.createProfile).mockResolvedValue(created);
    const onenter = vi.fn();
    render(ProfilePicker, { start: start(), onenter, ontrainer: vi.fn(), onverify: vi.fn(), onexchange: vi.fn() });
    await fireEvent.input(screen.getByTestId('new-profile-name'), { target: { value: 'Trần Văn An' } });
    await fireEvent.change(screen.getByTestId('new-profile-locale'), { target: { value: 'vi' } });
    await fireEvent.click(screen.getByTestId('create-profile'));
    await vi.waitFor(() => expect(onenter).toHaveBeenCalledWith(created));
    expect(ipc.createProfile).toHaveBeenCalledWith('Trần Văn An', 'vi');
  });

  it('shows a taken name in the interface language', async () => {
    vi.mocked(ipc.createProfile).mockRejectedValue(new IpcError({ code: 'name_taken', message: 'x' }));
    i18n.locale = 'vi';
    render(ProfilePicker, { start: start(), onenter: vi.fn(), ontrainer: vi.fn(), onverify: vi.fn(), onexchange: vi.fn() });
    await fireEvent.input(screen.getByTestId('new-profile-name'), { target: { value: 'An' } });
    await fireEvent.click(screen.getByTestId('create-profile'));
    const notice = await screen.findByTestId('error-notice');
    expect(notice.dataset.code).toBe('name_taken');
    expect(notice.textContent).not.toContain('already exists');
  });
});
