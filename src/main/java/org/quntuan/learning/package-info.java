/**
 * Learning and training: study materials and assignments, knowledge competitions, training classes, the study record.
 */
@org.springframework.modulith.ApplicationModule(displayName = "学习培训")
package org.quntuan.learning;
