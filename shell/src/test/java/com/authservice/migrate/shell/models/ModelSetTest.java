package com.authservice.migrate.shell.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.authservice.domain.AuthModels;
import com.authservice.domain.Category;
import com.authservice.domain.Item;
import com.authservice.domain.User;
import com.authservice.migrate.errors.InvalidArgument;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

class ModelSetTest {

  /** The console looks packages up in AuthModels.ALL (an image cannot scan): a new entity missing there would be ignored. */
  @Test
  void everyEntityOfTheDomainPackageIsAPackagedModel() {
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(Entity.class));
    var scanned = scanner.findCandidateComponents("com.authservice.domain").stream().map(BeanDefinition::getBeanClassName).toList();

    assertThat(AuthModels.ALL).extracting(Class::getName).containsExactlyInAnyOrderElementsOf(scanned);
  }

  @Test
  void aPackageNamesThePackagedModelsInItAndItsSubpackages() {
    assertThat(ModelSet.resolve("com.authservice.domain")).containsExactly(Category.class, Item.class, User.class);
    assertThat(ModelSet.resolve("com.authservice")).containsExactly(Category.class, Item.class, User.class);
    assertThatThrownBy(() -> ModelSet.resolve("com.authservice.dom")).isInstanceOf(InvalidArgument.class)
        .hasMessageContaining("names no @Entity class or package");
  }

  @Test
  void classNamesAndPackagesMayBeMixed() {
    assertThat(ModelSet.resolve("com.authservice.domain.User, com.authservice.domain.Item"))
        .containsExactly(User.class, Item.class);
    assertThatThrownBy(() -> ModelSet.resolve("com.authservice.domain;drop")).isInstanceOf(InvalidArgument.class)
        .hasMessageContaining("takes a package or class names");
  }
}
