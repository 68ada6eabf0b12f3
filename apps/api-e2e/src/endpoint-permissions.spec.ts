import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { IS_PUBLIC_KEY } from '@communes/api-core';
import { REQUIRED_ABILITY_KEY, RequiredAbility, SIGNED_IN_KEY } from '@communes/api-auth';
import { TestContext } from '@communes/api-testing';

/**
 * Who may reach each endpoint, as declared on the route. A new endpoint or a changed rule shows
 * up in this snapshot for review, and an endpoint that declares nothing fails the test.
 */
describe('endpoint permission declarations', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await TestContext.create();
  });
  afterAll(() => ctx.close());

  it('every route declares its access rule', () => {
    const discovery = ctx.app.get(DiscoveryService);
    const scanner = ctx.app.get(MetadataScanner);
    const reflector = ctx.app.get(Reflector);
    const lines: string[] = [];
    for (const wrapper of discovery.getControllers()) {
      const instance = wrapper.instance as object | undefined;
      if (!instance || !wrapper.metatype) continue;
      const controllerPath = String(Reflect.getMetadata(PATH_METADATA, wrapper.metatype) ?? '');
      for (const name of scanner.getAllMethodNames(Object.getPrototypeOf(instance))) {
        const handler = (instance as Record<string, unknown>)[name] as (...args: unknown[]) => unknown;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) continue;
        const path = `/api/v1/${controllerPath}/${String(Reflect.getMetadata(PATH_METADATA, handler) ?? '')}`.replace(/\/+/g, '/').replace(/\/$/, '');
        const targets = [handler, wrapper.metatype];
        const ability = reflector.getAllAndOverride<RequiredAbility | undefined>(REQUIRED_ABILITY_KEY, targets);
        const rule = ability
          ? `${ability.action} ${ability.subject}`
          : reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, targets)
            ? 'public'
            : reflector.getAllAndOverride<boolean>(SIGNED_IN_KEY, targets)
              ? 'signed in'
              : 'NOTHING DECLARED';
        lines.push(`${RequestMethod[method].padEnd(6)} ${path} → ${rule}`);
      }
    }
    lines.sort();
    expect(lines.filter((line) => line.endsWith('NOTHING DECLARED'))).toEqual([]);
    expect(lines).toMatchSnapshot();
  });
});
