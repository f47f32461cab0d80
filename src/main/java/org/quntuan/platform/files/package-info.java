/**
 * File storage for every module: {@link org.quntuan.platform.files.FileStorage} keeps uploads under
 * server-generated names with their metadata, in a local directory or an S3-compatible bucket
 * ({@code quntuan.files.store}); {@link org.quntuan.platform.files.FileResponses} serves them as
 * downloads. Access checks stay with the module that owns the file.
 */
package org.quntuan.platform.files;
