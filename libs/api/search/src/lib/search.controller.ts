import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { SEARCH_KINDS, SearchKind } from '@communes/shared-contracts';
import { ApiProblemResponses, Public, ValidationFailedError } from '@communes/api-core';
import { MAX_PAGE_SIZE, MAX_RESULT_WINDOW, SEARCH_SORTS, SearchSort } from './search-engine';
import { SearchResultResponse } from './search-responses.dto';
import { SearchService } from './search.service';
import { InvalidSearchQueryError } from './search-validation';

/** `?commune=a&commune=b` and `?commune=a,b` both give ['a', 'b']. */
const list = ({ value }: { value: unknown }) =>
  value === undefined ? undefined : (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(',')).map((v) => v.trim()).filter(Boolean);

export class SearchQueryDto {
  @ApiPropertyOptional({ description: 'Free text: French-aware, accents and typos forgiven', example: 'construction école' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ type: [String], description: 'Commune slugs (repeat or comma-separate)', example: ['cotonou'] })
  @IsOptional()
  @Transform(list)
  @ArrayMaxSize(100)
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { each: true, message: 'commune must be commune slugs such as cotonou' })
  commune?: string[];

  @ApiPropertyOptional({ type: [String], example: ['Littoral'] })
  @IsOptional()
  @Transform(list)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(120, { each: true })
  department?: string[];

  @ApiPropertyOptional({ enum: SEARCH_KINDS, isArray: true })
  @IsOptional()
  @Transform(list)
  @IsIn(SEARCH_KINDS, { each: true, message: `kind must be among: ${SEARCH_KINDS.join(', ')}` })
  kind?: SearchKind[];

  @ApiPropertyOptional({ type: [String], example: ['budget_primitif'] })
  @IsOptional()
  @Transform(list)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(80, { each: true })
  category?: string[];

  @ApiPropertyOptional({ type: [Number], example: [2025] })
  @IsOptional()
  @Transform(({ value }) => list({ value })?.map(Number))
  @IsInt({ each: true, message: 'fiscalYear must be years such as 2024' })
  @Min(1990, { each: true })
  @Max(2100, { each: true })
  fiscalYear?: number[];

  @ApiPropertyOptional({ description: 'Inclusive, whole francs CFA', example: '1000000' })
  @IsOptional()
  @Matches(/^[0-9]{1,18}$/, { message: 'amountMin must be a whole number of francs CFA' })
  amountMin?: string;

  @ApiPropertyOptional({ description: 'Inclusive, whole francs CFA' })
  @IsOptional()
  @Matches(/^[0-9]{1,18}$/, { message: 'amountMax must be a whole number of francs CFA' })
  amountMax?: string;

  @ApiPropertyOptional({ enum: SEARCH_SORTS, default: 'relevance' })
  @IsOptional()
  @IsIn(SEARCH_SORTS, { message: `sort must be one of: ${SEARCH_SORTS.join(', ')}` })
  sort?: SearchSort;

  @ApiPropertyOptional({ enum: ['asc', 'desc'], description: 'For date and amount (default desc)' })
  @IsOptional()
  @IsIn(['asc', 'desc'], { message: 'order must be asc or desc' })
  order?: 'asc' | 'desc';

  @ApiPropertyOptional({ default: 1, minimum: 1, maximum: MAX_RESULT_WINDOW, description: `page × pageSize at most ${MAX_RESULT_WINDOW}` })
  @IsOptional()
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(MAX_RESULT_WINDOW)
  page?: number;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: MAX_PAGE_SIZE })
  @IsOptional()
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize?: number;
}

@ApiTags('search')
@ApiProblemResponses(400, 401)
@Controller('search')
export class SearchController {
  constructor(private readonly searches: SearchService) {}

  @Get()
  @Public()
  @ApiOperation({
    summary: 'Search the published records of every commune',
    description: 'French-aware (accents, plurals) and typo tolerant. Filters combine with AND, values of one filter with OR. Each hit links to its resource.',
  })
  @ApiOkResponse({ type: SearchResultResponse })
  async search(@Query() query: SearchQueryDto): Promise<SearchResultResponse> {
    try {
      return await this.searches.search({
        q: query.q?.trim() ?? '',
        communeSlugs: query.commune,
        departments: query.department,
        kinds: query.kind,
        categories: query.category,
        fiscalYears: query.fiscalYear,
        amountMin: query.amountMin,
        amountMax: query.amountMax,
        sort: query.sort ?? 'relevance',
        direction: query.order,
        page: query.page ?? 1,
        pageSize: query.pageSize ?? 20,
      });
    } catch (error) {
      if (error instanceof InvalidSearchQueryError) throw new ValidationFailedError([{ field: 'query', messages: [error.message] }]);
      throw error;
    }
  }
}
