package com.authservice.migrate.shell;

import java.io.IOException;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Spring's resolver of resource patterns, made when a pattern is first resolved: loading it lists every module of
 * the JDK, and a context built from Spring AOT's bean definitions resolves none.
 */
final class PatternResolverOnFirstUse implements ResourcePatternResolver {

  private final ResourceLoader loader;
  private ResourcePatternResolver resolver;

  PatternResolverOnFirstUse(ResourceLoader loader) {
    this.loader = loader;
  }

  @Override
  public Resource[] getResources(String locationPattern) throws IOException {
    return resolver().getResources(locationPattern);
  }

  @Override
  public Resource getResource(String location) {
    return loader.getResource(location);   // what the resolver would do
  }

  @Override
  public ClassLoader getClassLoader() {
    return loader.getClassLoader();
  }

  private synchronized ResourcePatternResolver resolver() {
    if (resolver == null) {
      resolver = new PathMatchingResourcePatternResolver(loader);
    }
    return resolver;
  }
}
