/** `<Scene …/>` markers: what the live scene shows from a slide (or one of its builds) on. */
import type { MdxJsxFlowElement } from 'mdast-util-mdx';
import type { SceneMode, SceneSetting } from '../deckMeta.ts';
import { attrValue } from './mdxNodes.ts';

const SCENE_MODES: readonly SceneMode[] = ['global', 'process', 'metadata', 'links'];

export function readScene(
  el: MdxJsxFlowElement,
  step: number,
  index: number,
  fail: (reason: string) => never,
): SceneSetting {
  const scene: SceneSetting = { step };
  for (const a of el.attributes) {
    if (a.type !== 'mdxJsxAttribute') continue;
    const raw = attrValue(a);
    const where = `Slide ${index + 1}: <Scene ${a.name}>`;
    switch (a.name) {
      case 'mode':
        if (typeof raw !== 'string' || !SCENE_MODES.includes(raw as SceneMode))
          fail(`${where} must be one of ${SCENE_MODES.join(', ')}`);
        scene.mode = raw as SceneMode;
        break;
      case 'scenario':
        if (typeof raw !== 'string') fail(`${where} must be a string`);
        scene.scenario = raw as string;
        break;
      case 'requests':
      case 'seed':
        if (typeof raw !== 'number') fail(`${where} must be a number, as in ${a.name}={2}`);
        scene[a.name] = raw as number;
        break;
      case 'faults':
        if (!Array.isArray(raw) || !raw.every((f) => typeof f === 'string'))
          fail(`${where} must be a list of strings, as in faults={["drop-metadata"]}`);
        scene.faults = raw as string[];
        break;
      default:
        fail(`${where} is not a scene setting`);
    }
  }
  return scene;
}
