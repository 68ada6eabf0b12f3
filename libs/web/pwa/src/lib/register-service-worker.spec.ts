import { registerServiceWorker } from './register-service-worker';

describe('registerServiceWorker', () => {
  const register = jest.fn(() => Promise.resolve({}));
  /** Lets the promises and the idle callback (a timer in jsdom, which has no requestIdleCallback) run. */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 1100));

  beforeEach(() => {
    register.mockClear();
    Object.defineProperty(navigator, 'serviceWorker', {
      value: { register },
      configurable: true,
    });
  });

  it('registers /sw.js in production once the page has loaded and the app is stable', async () => {
    let stable: () => void = () => undefined;
    const after = new Promise<void>((resolve) => (stable = resolve));
    // jsdom's document is already complete.
    registerServiceWorker({ production: true, after });
    await settle();
    expect(register).not.toHaveBeenCalled();
    stable();
    await settle();
    expect(register).toHaveBeenCalledWith('/sw.js');
  });

  it('registers nothing when the app did not start', async () => {
    registerServiceWorker({
      production: true,
      after: Promise.reject(new Error('bootstrap failed')),
    });
    await settle();
    expect(register).not.toHaveBeenCalled();
  });

  it('does nothing in development', async () => {
    registerServiceWorker({ production: false });
    await settle();
    expect(register).not.toHaveBeenCalled();
  });
});
