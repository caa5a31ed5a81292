import { describe, expect, it, vi } from 'vitest';
import { attempt, errorKey } from './errors';
import { IpcError } from './ipc';

describe('attempt', () => {
  it('resolves to the value of a task that succeeds and reports nothing', async () => {
    const onerror = vi.fn();
    await expect(attempt(async () => 42, onerror)).resolves.toBe(42);
    expect(onerror).not.toHaveBeenCalled();
  });

  it('hands a backend failure to onerror as an IpcError with its code', async () => {
    const onerror = vi.fn();
    const result = await attempt(() => Promise.reject({ code: 'name_taken', message: 'taken' }), onerror);
    expect(result).toBeUndefined();
    expect(onerror).toHaveBeenCalledTimes(1);
    const error = onerror.mock.calls[0]![0];
    expect(error).toBeInstanceOf(IpcError);
    expect(error).toMatchObject({ code: 'name_taken', message: 'taken' });
  });

  it('keeps an IpcError as it is', async () => {
    const original = new IpcError({ code: 'not_found', message: 'gone' });
    const onerror = vi.fn();
    await attempt(() => Promise.reject(original), onerror);
    expect(onerror).toHaveBeenCalledWith(original);
  });

  it('reports anything else thrown as an internal error', async () => {
    const onerror = vi.fn();
    await attempt(async () => {
      throw new Error('broken');
    }, onerror);
    expect(onerror.mock.calls[0]![0]).toMatchObject({ code: 'internal', message: 'broken' });
  });

  it('sets the busy flag while the task runs and clears it after success', async () => {
    const states: boolean[] = [];
    let release!: () => void;
    const pending = attempt(
      () => new Promise<void>((resolve) => (release = resolve)),
      vi.fn(),
      (running) => states.push(running),
    );
    expect(states).toEqual([true]);
    release();
    await pending;
    expect(states).toEqual([true, false]);
  });

  it('reports a failure while busy and clears the flag afterwards', async () => {
    const log: string[] = [];
    await attempt(
      () => Promise.reject(new Error('x')),
      (error) => log.push(`error ${error.code}`),
      (running) => log.push(`busy ${running}`),
    );
    expect(log).toEqual(['busy true', 'error internal', 'busy false']);
  });

  it('starts the task synchronously, so a caller can rely on its first call happening at once', () => {
    const task = vi.fn(() => Promise.resolve());
    void attempt(task, vi.fn());
    expect(task).toHaveBeenCalledTimes(1);
  });
});

describe('errorKey', () => {
  it('names the message for an error code', () => {
    expect(errorKey('database_corrupt')).toBe('error.database_corrupt');
  });
});
