import { afterEach, describe, expect, it } from 'vitest';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { IpcError, ipc, toIpcError } from './index';

afterEach(() => clearMocks());

describe('ipc', () => {
  it('sends camelCase arguments to the named command', async () => {
    const calls: [string, unknown][] = [];
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      return { id: 'x' };
    });
    await ipc.setLessonDone('p1', 'l1', true);
    expect(calls).toEqual([['set_lesson_done', { profileId: 'p1', lessonId: 'l1', done: true }]]);
  });

  it('turns a backend error into an IpcError with its code', async () => {
    mockIPC(() => {
      throw { code: 'name_taken', message: 'a profile named X already exists' };
    });
    const err = await ipc.createProfile('X', 'en').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IpcError);
    expect((err as IpcError).code).toBe('name_taken');
  });

  it('maps anything unexpected to the internal code', () => {
    expect(toIpcError(new Error('boom')).code).toBe('internal');
    expect(toIpcError({ code: 'made_up', message: 'm' }).code).toBe('internal');
    expect(toIpcError('text').message).toBe('text');
  });
});
