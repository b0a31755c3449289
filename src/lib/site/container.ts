import { getContainerRenderer } from '@astrojs/mdx/container-renderer';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { loadRenderers } from 'astro:container';

/** How many renders one container serves before a new one takes over. */
const RENDERS_PER_CONTAINER = 200;

let current: { container: Promise<AstroContainer>; renders: number } | undefined;

/**
 * Renders a component to HTML in Astro's container, with the MDX renderer, the way the feeds and
 * the bodies' pre-pass render outside a page. Astro's container keeps every component it rendered:
 * each `renderToString` adds a route holding it to the container's manifest, and nothing removes
 * it (astro/dist/container/index.js, `#insertRoute`). Over 150,000 bodies that filled the
 * pre-pass's 4 GB heap, so a container is dropped after {@link RENDERS_PER_CONTAINER} renders
 * and a new one made (a few milliseconds); renders still running keep theirs.
 * @param component the component to render
 * @param options Astro's container render options (props, locals, …)
 */
export async function renderInContainer(
  component: Parameters<AstroContainer['renderToString']>[0],
  options?: Parameters<AstroContainer['renderToString']>[1],
): Promise<string> {
  if (!current || current.renders >= RENDERS_PER_CONTAINER) {
    current = {
      container: loadRenderers([getContainerRenderer()]).then((renderers) =>
        AstroContainer.create({ renderers }),
      ),
      renders: 0,
    };
  }
  current.renders++;
  return (await current.container).renderToString(component, options);
}
