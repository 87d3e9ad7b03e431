package com.authservice.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** Something a user owns, optionally in a category. Deleting the owner deletes the item. */
@Entity
@Table(name = "items", indexes = {
    @Index(name = "ix_items_owner_id", columnList = "owner_id"),
    @Index(name = "ix_items_category_id", columnList = "category_id")})
public class Item {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "id", nullable = false)
  private Long id;

  @Column(name = "title", length = 255, nullable = false)
  private String title;

  @Column(name = "description", columnDefinition = "text")
  private String description;

  @Column(name = "price", precision = 10, scale = 2, nullable = false, options = "DEFAULT 0")
  private BigDecimal price;

  @ManyToOne(optional = false)
  @JoinColumn(name = "owner_id", nullable = false, foreignKey = @ForeignKey(name = "fk_items_owner_id_users",
      foreignKeyDefinition = "FOREIGN KEY (owner_id) REFERENCES users (id) ON DELETE CASCADE"))
  private User owner;

  @ManyToOne
  @JoinColumn(name = "category_id", foreignKey = @ForeignKey(name = "fk_items_category_id_categories",
      foreignKeyDefinition = "FOREIGN KEY (category_id) REFERENCES categories (id) ON DELETE SET NULL"))
  private Category category;

  @Column(name = "created_at", nullable = false, options = "DEFAULT now()")
  private OffsetDateTime createdAt;
}
