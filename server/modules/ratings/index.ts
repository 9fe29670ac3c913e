export { createRatingFigures } from "./ratings.figures.js";
export { ratingsRoutes } from "./ratings.routes.js";
export { createRatingsService, type RatingsService } from "./ratings.service.js";
