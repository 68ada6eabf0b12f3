import { registerServiceWorker } from './register-service-worker';

describe('registerServiceWorker', () => {
  const register = jest.fn(() => Promise.resolve({}));

  beforeEach(() => {
    register.mockClear();
    Object.defineProperty(navigator, 'serviceWorker', { value: { register }, configurable: true });
  });

  it('registers /sw.js in production once the page has loaded', () => {
    registerServiceWorker({ production: true });
    // jsdom's document is already complete.
    expect(register).toHaveBeenCalledWith('/sw.js');
  });

  it('does nothing in development', () => {
    registerServiceWorker({ production: false });
    expect(register).not.toHaveBeenCalled();
  });
});
